package id.peduli.platform;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The one rule for images people upload (a person's photo, a product's picture): JPEG or PNG recognised by the first
 * bytes (never by name or declared type), the pixel count read from the header and refused above the limit before
 * anything is decoded (so a small file that would unpack into gigabytes is never unpacked), then decoded, and encoded
 * again by the caller after any change of its own, so that none of the upload's metadata (EXIF with camera, time and
 * GPS location, comments, text chunks) is kept. Callers turn a {@link Refused} into their own message.
 */
public final class UploadedImage {

    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private UploadedImage() {}

    /** The formats accepted, with their content type. */
    public enum Format {
        JPEG("image/jpeg", "jpeg"),
        PNG("image/png", "png");

        private final String contentType;
        private final String imageIoName;

        Format(String contentType, String imageIoName) {
            this.contentType = contentType;
            this.imageIoName = imageIoName;
        }

        public String contentType() {
            return contentType;
        }

        /** The format of a content type this class answers, or {@code null}. */
        public static Format ofContentType(String contentType) {
            for (Format f : values()) {
                if (f.contentType.equals(contentType)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** Why an image was refused. */
    public enum Problem {
        /** Neither JPEG nor PNG by its first bytes. */
        WRONG_TYPE,
        /** More pixels than the limit by the header; {@link Refused#width()} and {@link Refused#height()} tell. */
        TOO_MANY_PIXELS,
        /** Claims to be JPEG or PNG but cannot be read (truncated, damaged, an empty size). */
        UNREADABLE
    }

    /** An image refused, with the reason and, for {@link Problem#TOO_MANY_PIXELS}, the size its header claims. */
    public static final class Refused extends RuntimeException {

        private final Problem problem;
        private final long width;
        private final long height;

        Refused(Problem problem, long width, long height) {
            super(problem.name(), null, false, false);
            this.problem = problem;
            this.width = width;
            this.height = height;
        }

        Refused(Problem problem) {
            this(problem, 0, 0);
        }

        public Problem problem() {
            return problem;
        }

        public long width() {
            return width;
        }

        public long height() {
            return height;
        }
    }

    /** JPEG or PNG by the first bytes, or {@code null} for anything else. */
    public static Format formatOf(byte[] data) {
        if (startsWith(data, JPEG_START)) {
            return Format.JPEG;
        }
        if (startsWith(data, PNG_START)) {
            return Format.PNG;
        }
        return null;
    }

    /**
     * The decoded image: refused as {@link Problem#WRONG_TYPE} unless JPEG or PNG, as {@link Problem#TOO_MANY_PIXELS}
     * when the header claims more than {@code maxPixels} pixels (before decoding), and as {@link Problem#UNREADABLE}
     * when it cannot be decoded.
     */
    public static BufferedImage decode(byte[] data, long maxPixels) {
        if (formatOf(data) == null) {
            throw new Refused(Problem.WRONG_TYPE);
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new Refused(Problem.UNREADABLE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw new Refused(Problem.UNREADABLE);
                }
                if (width * height > maxPixels) {
                    throw new Refused(Problem.TOO_MANY_PIXELS, width, height);
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (Refused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Refused(Problem.UNREADABLE);
        }
        if (image == null) {
            throw new Refused(Problem.UNREADABLE);
        }
        return image;
    }

    /**
     * The image encoded in {@code format}, with nothing but its pixels; a JPEG carries no transparency, so an image
     * with an alpha channel is drawn on an opaque one first.
     */
    public static byte[] encode(BufferedImage image, Format format) {
        BufferedImage written = image;
        if (format == Format.JPEG && image.getColorModel().hasAlpha()) {
            written = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = written.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(written, format.imageIoName, out)) {
                throw new Refused(Problem.UNREADABLE);
            }
        } catch (IOException e) {
            throw new Refused(Problem.UNREADABLE);
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data != null
                && data.length >= prefix.length
                && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
