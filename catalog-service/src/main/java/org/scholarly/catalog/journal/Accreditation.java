package org.scholarly.catalog.journal;

/** KCI accreditation: 등재 (accredited), 등재후보 (candidate), 우수등재 (excellent), or none. */
public enum Accreditation {
    ACCREDITED, CANDIDATE, EXCELLENT, NONE
}
