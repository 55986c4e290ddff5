package id.peduli.registry;

/** Kinds of disability in Law 8/2016; a person may have several. */
public enum DisabilityType {
    PHYSICAL,
    INTELLECTUAL,
    MENTAL,
    SENSORY
}
