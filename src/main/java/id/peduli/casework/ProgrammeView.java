package id.peduli.casework;

/** A programme: its code, name, kind (see {@link Programmes#WORKSHOP}) and the unit that owns it. */
public record ProgrammeView(long id, String code, String name, String kind, long unitId) {}
