package id.peduli.registry;

/** Sex as recorded on the identity card. */
public enum Sex {
    M,
    F
}
