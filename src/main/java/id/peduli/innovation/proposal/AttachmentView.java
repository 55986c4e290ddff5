package id.peduli.innovation.proposal;

/** A stored attachment of an innovation, without its content. */
public record AttachmentView(long id, String fileName, String contentType, int sizeBytes) {}
