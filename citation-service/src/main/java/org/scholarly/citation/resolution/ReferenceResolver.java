package org.scholarly.citation.resolution;

import org.scholarly.support.text.Hangul;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves one reference to a catalog article, precision first: a wrong link is worse than a missing one.
 * Evidence is tried in order DOI, structured fields, raw string. Outside the DOI, a candidate is accepted either on
 * its title, with a matching year and agreement beyond the title (first author's family name, first page or
 * volume), or, for references written without a title ("Phys. Rev. Lett. 95, 123456 (2005)"), on its locator: the
 * journal (in full or abbreviated), volume and first page all agree, and so does the year or an author. Two
 * accepted candidates with close scores make the reference AMBIGUOUS rather than a guess.
 */
public final class ReferenceResolver {

    /** Two accepted candidates closer than this are not told apart. */
    static final double AMBIGUITY_MARGIN = 0.05;
    /**
     * The score of a link on journal, volume and first page alone; the year and an author each add 0.1. Above the
     * weak-link score (0.8) once the year agrees: such a link is as strong as a title match.
     */
    static final double LOCATOR_SCORE = 0.75;
    /** Without the author and the first page, the titles must agree as wholes at least this much (and the volume). */
    static final double WHOLE_TITLE_WITHOUT_AUTHOR = 0.9;

    private final CandidateSource source;

    public ReferenceResolver(CandidateSource source) {
        this.source = source;
    }

    /** What a reference carries, as the catalog event delivers it. */
    public record Input(String raw, List<String> authors, String title, String container, Integer year, String volume,
                        String issue, String firstPage, String lastPage, String doi) {

        boolean hasStructured() {
            return notBlank(title) || (authors != null && !authors.isEmpty() && year != null);
        }
    }

    /**
     * A reference parsed once, with the keys it is looked up by ({@link LookupKeys}), and the author-and-year keys
     * it falls back on when those find nothing.
     */
    public record Prepared(Input input, ParsedReference structured, ParsedReference raw, String doi, Set<Long> keys,
                           Set<Long> fallbackKeys) {
    }

    public static Prepared prepare(Input reference) {
        ParsedReference structured = ReferenceParser.structured(reference.authors(), reference.title(), reference.container(),
                reference.year(), reference.volume(), reference.issue(), reference.firstPage(), reference.lastPage(), reference.doi());
        ParsedReference raw = notBlank(reference.raw()) ? ReferenceParser.raw(reference.raw()) : null;
        String doi = structured.doi() != null ? structured.doi() : raw == null ? null : raw.doi();
        Set<Long> fallback = new java.util.LinkedHashSet<>(LookupKeys.authorYearsOfReference(structured));
        if (raw != null) {
            fallback.addAll(LookupKeys.authorYearsOfReference(raw));
        }
        return new Prepared(reference, structured, raw, doi, LookupKeys.ofReference(doi, structured, raw), fallback);
    }

    public Resolution resolve(Input reference, UUID citingArticle) {
        return resolve(prepare(reference), citingArticle);
    }

    public Resolution resolve(Prepared reference, UUID citingArticle) {
        String doi = reference.doi();
        if (doi != null) {
            List<CandidateArticle> byDoi = byDoi(doi, citingArticle);
            if (byDoi.size() == 1) {
                return new Resolution(Resolution.Status.RESOLVED, byDoi.get(0).id(), Resolution.Method.DOI, 1.0, 1);
            }
            if (byDoi.size() > 1) {
                return new Resolution(Resolution.Status.AMBIGUOUS, null, Resolution.Method.DOI, 1.0, byDoi.size());
            }
        }
        // One look-up by exact keys for both readings of the reference; each reading then decides on its own.
        Map<UUID, CandidateArticle> candidates = new LinkedHashMap<>();
        source.byKeys(reference.keys()).forEach(c -> candidates.putIfAbsent(c.id(), c));
        candidates.remove(citingArticle);
        if (candidates.isEmpty()) {
            source.byKeys(reference.fallbackKeys()).forEach(c -> candidates.putIfAbsent(c.id(), c));
            candidates.remove(citingArticle);
        }
        Resolution best = null;
        if (reference.input().hasStructured()) {
            best = decide(reference.structured(), doi, candidates.values(), Resolution.Method.STRUCTURED);
            if (best.resolved()) {
                return best;
            }
        }
        ParsedReference raw = reference.raw();
        if (raw != null && raw.hasEvidence()) {
            Resolution fromRaw = decide(raw, doi, candidates.values(), Resolution.Method.UNSTRUCTURED);
            if (fromRaw.resolved() || best == null || best.status() != Resolution.Status.AMBIGUOUS) {
                best = fromRaw;
            }
        }
        return best != null ? best : Resolution.unresolved(doi != null ? Resolution.Method.DOI : Resolution.Method.UNSTRUCTURED, null, 0);
    }

    private List<CandidateArticle> byDoi(String doi, UUID citingArticle) {
        return source.byKeys(Set.of(LookupKeys.doi(doi))).stream()
                .filter(c -> doi.equals(c.doi()) && !c.id().equals(citingArticle)).toList();
    }

    private static Resolution decide(ParsedReference ref, String doi, Collection<CandidateArticle> candidates, Resolution.Method method) {
        List<Scored> accepted = new ArrayList<>();
        double bestRejected = 0;
        for (CandidateArticle candidate : candidates) {
            // A reference with a DOI cannot be an article that has a different one.
            if (doi != null && candidate.doi() != null && !candidate.doi().equals(doi)) {
                continue;
            }
            Scored scored = score(ref, candidate);
            if (scored.accepted) {
                accepted.add(scored);
            } else {
                bestRejected = Math.max(bestRejected, scored.score);
            }
        }
        accepted.sort(Comparator.comparingDouble((Scored s) -> s.score).reversed());
        if (accepted.isEmpty()) {
            return Resolution.unresolved(method, bestRejected == 0 ? null : round(bestRejected), candidates.size());
        }
        if (accepted.size() > 1 && accepted.get(0).score - accepted.get(1).score < AMBIGUITY_MARGIN) {
            return new Resolution(Resolution.Status.AMBIGUOUS, null, method, round(accepted.get(0).score), candidates.size());
        }
        return new Resolution(Resolution.Status.RESOLVED, accepted.get(0).candidate.id(), method,
                round(accepted.get(0).score), candidates.size());
    }

    record Scored(CandidateArticle candidate, boolean accepted, double score) {
    }

    static Scored score(ParsedReference ref, CandidateArticle c) {
        double title = titleScore(ref, c);
        double wholeTitle = wholeTitleScore(ref, c);
        boolean yearOk = c.year() != null && ref.years().contains(c.year());
        boolean yearNear = c.year() != null && (ref.years().contains(c.year() - 1) || ref.years().contains(c.year() + 1));
        boolean noYear = ref.years().isEmpty();
        boolean pageOk = c.firstPage() != null && ref.pageRanges().stream().anyMatch(r -> r.first() == c.firstPage());
        boolean pageConflict = c.firstPage() != null && c.lastPage() != null && !ref.pageRanges().isEmpty()
                && ref.pageRanges().stream().noneMatch(r -> overlaps(r, c.firstPage(), c.lastPage()));
        boolean volumeOk = (c.volume() != null && ref.numbers().contains(c.volume()))
                || (c.issueNumber() != null && ref.numbers().contains(c.issueNumber()));
        boolean authorOk = authorMatches(ref, c);
        boolean journalNamed = namesJournal(ref, c);
        boolean containerOk = journalNamed || containerMatches(ref, c);
        int fields = (authorOk ? 1 : 0) + (pageOk ? 1 : 0) + (volumeOk ? 1 : 0) + (containerOk ? 1 : 0);
        // Precision guard: a title, however close, names a work only together with something the work alone has.
        // The journal does not count: articles of one journal and year share it, and long titles can share their
        // first fifteen words.
        boolean beyondTitle = authorOk || pageOk || volumeOk;
        // Without the author, a title that agrees only in part (a shared prefix, a subtitle) is not enough: the
        // first page must agree too, or the whole title and the volume.
        boolean titleAgreesEnough = authorOk || pageOk || (volumeOk && wholeTitle >= WHOLE_TITLE_WITHOUT_AUTHOR);

        double score = 0.6 * title + (yearOk ? 0.2 : yearNear ? 0.1 : 0) + 0.05 * fields;
        boolean accepted = false;
        if (!pageConflict && beyondTitle && titleAgreesEnough) {
            if (yearOk) {
                accepted = (title >= 0.8 && fields >= 1)
                        || (title >= 0.6 && fields >= 2)
                        // No title found: the author, first page, volume and journal all agree.
                        || (pageOk && authorOk && volumeOk && containerOk);
            } else if (noYear) {
                accepted = title >= 0.85 && fields >= 2;
            } else if (yearNear) {
                accepted = title >= 0.9 && fields >= 2;
            }
        }
        // A reference without a title: journal, volume and first page (or article number) all agree, and the year
        // or, where the reference gives no year, an author. A year that disagrees (even by one) is another work.
        boolean locatorPage = pageOk || (c.pageKey() != null && ref.pageKeys().contains(c.pageKey()));
        boolean byLocator = !pageConflict && locatorPage && volumeOk && containerOk
                && (yearOk || (noYear && authorOk));
        if (byLocator) {
            accepted = true;
            // A title the reference states that the candidate does not have leaves the link weak (below 0.8), so that
            // it is looked at again when the work the title names arrives.
            boolean statedTitleDisagrees = ref.quoted() && title < 0.6;
            if (!statedTitleDisagrees) {
                score = Math.max(score, LOCATOR_SCORE + (yearOk ? 0.1 : 0) + (authorOk ? 0.1 : 0));
            }
        }
        return new Scored(c, accepted, Math.min(1.0, score));
    }

    /** The title similarity without containment: how far the titles agree as wholes. */
    static double wholeTitleScore(ParsedReference ref, CandidateArticle c) {
        double best = 0;
        for (String titleKey : c.titleKeys()) {
            for (String refKey : ref.titleKeys()) {
                best = Math.max(best, Trigrams.similarity(refKey, titleKey));
            }
        }
        return best;
    }

    /** Whether the reference names the candidate's journal by the significant words of one of its titles. */
    private static boolean namesJournal(ParsedReference ref, CandidateArticle c) {
        for (String title : c.containerWords()) {
            if (JournalWords.names(ref.words(), title)) {
                return true;
            }
        }
        return false;
    }

    static double titleScore(ParsedReference ref, CandidateArticle c) {
        double best = 0;
        for (String titleKey : c.titleKeys()) {
            if (titleKey.length() < 4) {
                continue;
            }
            for (int i = 0; i < ref.titleKeys().size(); i++) {
                String refKey = ref.titleKeys().get(i);
                double similarity = Trigrams.similarity(refKey, titleKey);
                // A cited title with a subtitle the catalog does not have (or the reverse) still names the work.
                if (refKey.length() >= titleKey.length() && titleKey.length() >= 0.6 * refKey.length()) {
                    similarity = Math.max(similarity, 0.9 * Trigrams.containment(titleKey, refKey));
                } else if (titleKey.length() > refKey.length() && refKey.length() >= 0.6 * titleKey.length()) {
                    similarity = Math.max(similarity, 0.9 * Trigrams.containment(refKey, titleKey));
                }
                best = Math.max(best, similarity);
            }
            // A raw string without a quoted title: find the catalog title somewhere inside it.
            if (!ref.structured() && !ref.quoted() && titleKey.length() >= minimumContainedLength(titleKey)) {
                best = Math.max(best, 0.95 * Trigrams.containment(titleKey, ref.textKey()));
            }
        }
        return best;
    }

    private static int minimumContainedLength(String key) {
        return Hangul.contains(key) ? 6 : 15;
    }

    private static boolean authorMatches(ParsedReference ref, CandidateArticle c) {
        if (ref.authorText().isEmpty()) {
            return false;
        }
        for (String family : c.latinFamilyNames()) {
            if (family.length() >= 2 && containsWord(ref.authorText(), family)) {
                return true;
            }
        }
        String compact = ref.authorKey();
        for (String name : c.hangulNames()) {
            if (name.length() >= 2 && compact.contains(name)) {
                return true;
            }
        }
        if (ref.structured()) {
            // Structured Korean author lists hold full names; their first syllable is the family name.
            for (String author : ref.authorText().split(";")) {
                String name = TextKeys.key(author);
                if (Hangul.isHangul(name) && name.length() >= 2 && name.length() <= 4
                        && c.hangulFamilyNames().contains(name.substring(0, 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code word} stands in {@code text} with no letter right before or after it. */
    static boolean containsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean startsWord = at == 0 || !Character.isLetter(text.codePointBefore(at));
            boolean endsWord = end == text.length() || !Character.isLetter(text.codePointAt(end));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    private static boolean containerMatches(ParsedReference ref, CandidateArticle c) {
        for (String container : c.containerKeys()) {
            if (container.length() < 4) {
                continue;
            }
            if (!ref.containerKey().isEmpty() && (Trigrams.similarity(container, ref.containerKey()) >= 0.6
                    || Trigrams.containment(container, ref.containerKey()) >= 0.9)) {
                return true;
            }
            if (!ref.textKey().isEmpty() && Trigrams.containment(container, ref.textKey()) >= 0.9) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(ParsedReference.PageRange range, int first, int last) {
        int end = range.last() == null ? range.first() : range.last();
        return range.first() <= last && end >= first;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
