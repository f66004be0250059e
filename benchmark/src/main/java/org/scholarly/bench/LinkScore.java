package org.scholarly.bench;

import org.scholarly.bench.ReferenceNoise.Noise;

import java.util.EnumMap;
import java.util.Map;

/**
 * Precision and recall of reference resolution against the ground truth. A link is correct when it points at the
 * article the reference was generated from; precision = correct / links made, recall = correct / references whose
 * target is in the corpus. Kept overall, per reference kind, for the noisy references together and per kind of noise.
 */
public final class LinkScore {

    /** Linked to an article that is not a corpus article (counts as a link made, never as a correct one). */
    public static final int OUTSIDE = -1;

    /** Counts of one kind (or of all). */
    public record Tally(long references, long inCorpus, long linked, long correct) {

        Tally plus(int truth, Integer linked) {
            boolean made = linked != null;
            return new Tally(references + 1, inCorpus + (truth >= 0 ? 1 : 0), this.linked + (made ? 1 : 0),
                    correct + (made && truth >= 0 && linked == truth ? 1 : 0));
        }

        public double precision() {
            return linked == 0 ? Double.NaN : (double) correct / linked;
        }

        public double recall() {
            return inCorpus == 0 ? Double.NaN : (double) correct / inCorpus;
        }
    }

    private Tally all = new Tally(0, 0, 0, 0);
    private Tally noisy = new Tally(0, 0, 0, 0);
    private final Map<CorpusGenerator.Kind, Tally> byKind = new EnumMap<>(CorpusGenerator.Kind.class);
    private final Map<Noise, Tally> byNoise = new EnumMap<>(Noise.class);

    /**
     * @param truth  the corpus index the reference was made from, or -1 if it points outside the corpus
     * @param linked the corpus index it was resolved to, {@link #OUTSIDE} for a non-corpus article, null if unresolved
     */
    public void add(CorpusGenerator.Kind kind, int truth, Integer linked) {
        add(kind, Noise.NONE, truth, linked);
    }

    /** As {@link #add(CorpusGenerator.Kind, int, Integer)}, for a reference that carries {@code noise}. */
    public void add(CorpusGenerator.Kind kind, Noise noise, int truth, Integer linked) {
        all = all.plus(truth, linked);
        byKind.put(kind, byKind.getOrDefault(kind, new Tally(0, 0, 0, 0)).plus(truth, linked));
        byNoise.put(noise, byNoise.getOrDefault(noise, new Tally(0, 0, 0, 0)).plus(truth, linked));
        if (noise != Noise.NONE) {
            noisy = noisy.plus(truth, linked);
        }
    }

    /** Every reference that carries some noise. */
    public Tally noisy() {
        return noisy;
    }

    public Tally of(Noise noise) {
        return byNoise.getOrDefault(noise, new Tally(0, 0, 0, 0));
    }

    public Tally all() {
        return all;
    }

    public Tally of(CorpusGenerator.Kind kind) {
        return byKind.getOrDefault(kind, new Tally(0, 0, 0, 0));
    }
}
