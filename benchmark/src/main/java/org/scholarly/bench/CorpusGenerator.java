package org.scholarly.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scholarly.bench.ReferenceNoise.Noise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic corpus: article {@code i} is a pure function of (seed, i), so nothing but the settings has to be
 * kept, 100,000 articles stream out in constant memory, and the ground truth of every reference is known.
 *
 * <p>Titles draw on a synthesised vocabulary of 24,000 words per language with Zipf-like frequencies ({@link Vocabulary}).
 * References: about half carry the target's DOI, a quarter structured fields without DOI, a quarter an unstructured
 * string (KCI style for Korean, APA style for English); about a tenth point outside the corpus. A tenth of all (a fifth
 * of those without DOI) carry one kind of noise ({@link ReferenceNoise}), recorded with the ground truth.
 * Articles cite only earlier articles, as published work does.
 */
public final class CorpusGenerator {

    public enum Kind { DOI, STRUCTURED, UNSTRUCTURED }

    /** Of the references without DOI (half of all), the share that carries one {@link Noise}: a tenth of all. */
    static final double NOISY_SHARE_WITHOUT_DOI = 0.2;

    /** Ground truth of one reference: {@code target} is the cited article's index, or -1 outside the corpus. */
    public record Truth(int position, Kind kind, int target, Noise noise) {
    }

    public record Article(int index, String doi, ObjectNode json, List<Truth> truth) {
    }

    // Journal fields: a journal's name is a field of study, not a title word, so a small fixed list is honest here.
    private static final String[] EN = ("war treaty alliance relation policy history state society culture economy empire "
            + "colonial modern reform revolution diplomacy security peace unification migration labour industry science "
            + "education religion thought region city village women youth memory identity community family welfare trade "
            + "maritime military frontier border nation movement institution language literature art music philosophy law "
            + "administration finance market capital technology medicine health environment climate energy media press "
            + "publishing archive document evidence narrative discourse ideology power authority legitimacy resistance "
            + "collaboration occupation liberation division cold conflict crisis transition development growth inequality "
            + "class generation network exchange circulation knowledge translation reception perception representation "
            + "image landscape space time ritual custom tradition heritage ethics justice rights citizenship governance").split(" ");
    private static final String[] KO = ("한국 전쟁 관계 연구 역사 사회 문화 정치 경제 조선 근대 현대 중국 일본 미국 소련 외교 정책 분석 변화 "
            + "형성 과정 인식 담론 국가 민족 운동 제도 교육 종교 사상 지역 도시 농촌 여성 노동 산업 기술 과학 의료 언어 "
            + "문학 예술 음악 철학 법률 행정 재정 무역 해양 군사 안보 평화 통일 이주 인구 환경 기후 에너지 정보 매체 언론 "
            + "출판 기억 정체성 공동체 가족 청년 세대 계층 불평등 복지 개혁 혁명 식민지 독립 해방 분단 냉전 동맹").split(" ");
    private static final String[][] FAMILY = {{"김", "Kim"}, {"이", "Lee"}, {"박", "Park"}, {"최", "Choi"}, {"정", "Jung"},
            {"강", "Kang"}, {"조", "Cho"}, {"윤", "Yoon"}, {"장", "Jang"}, {"임", "Lim"}, {"한", "Han"}, {"오", "Oh"},
            {"서", "Seo"}, {"신", "Shin"}, {"권", "Kwon"}, {"황", "Hwang"}, {"안", "Ahn"}, {"송", "Song"}, {"류", "Ryu"}, {"홍", "Hong"}};
    private static final String[][] GIVEN = {{"민수", "Min-su"}, {"지영", "Ji-young"}, {"서연", "Seo-yeon"}, {"현우", "Hyun-woo"},
            {"수진", "Su-jin"}, {"동현", "Dong-hyun"}, {"은지", "Eun-ji"}, {"준호", "Jun-ho"}, {"미경", "Mi-kyung"}, {"성민", "Sung-min"},
            {"혜진", "Hye-jin"}, {"재훈", "Jae-hoon"}, {"치영", "Chi-young"}, {"영희", "Young-hee"}, {"상우", "Sang-woo"}};

    private final ObjectMapper json = new ObjectMapper();
    private final Vocabulary english;
    private final Vocabulary korean;
    private final long seed;
    private final int articles;
    private final int journals;

    public CorpusGenerator(long seed, int articles, int journals) {
        this.seed = seed;
        this.articles = articles;
        this.journals = journals;
        this.english = Vocabulary.english(seed);
        this.korean = Vocabulary.korean(seed);
    }

    public int size() {
        return articles;
    }

    public String doi(int index) {
        return "10.5555/bench." + seed + "." + index;
    }

    public int year(int index) {
        return 2000 + (int) ((long) index * 26 / articles);
    }

    public int journal(int index) {
        return index % journals;
    }

    public Article article(int index) {
        Random random = random(index);
        int journal = journal(index);
        int year = year(index);
        int firstPage = 1 + random.nextInt(300);
        int lastPage = firstPage + 8 + random.nextInt(30);
        ObjectNode article = json.createObjectNode();
        article.put("doi", doi(index));
        article.putObject("titles").put("en", englishTitle(index)).put("ko", koreanTitle(index));
        article.putObject("abstracts").put("en", "Generated abstract of benchmark article " + index + " about "
                + englishTitle(index).toLowerCase() + ".");
        article.put("language", random.nextBoolean() ? "ko" : "en");
        article.put("publicationYear", year);
        article.put("firstPage", String.valueOf(firstPage));
        article.put("lastPage", String.valueOf(lastPage));
        article.put("workflowStatus", "PUBLISHED");
        ObjectNode journalNode = article.putObject("journal");
        journalNode.putObject("titles").put("en", journalTitleEn(journal)).put("ko", journalTitleKo(journal));
        journalNode.put("issnPrint", issn(journal));
        journalNode.put("accreditation", "ACCREDITED");
        ObjectNode issue = article.putObject("issue");
        issue.put("year", year);
        issue.put("volume", String.valueOf(volume(index)));
        issue.put("number", String.valueOf(1 + (index / journals) % 4));
        ArrayNode authors = article.putArray("authors");
        for (int[] author : authors(index)) {
            ObjectNode node = authors.addObject();
            node.putObject("names").put("ko", FAMILY[author[0]][0] + GIVEN[author[1]][0])
                    .put("en", FAMILY[author[0]][1] + " " + GIVEN[author[1]][1]);
            node.putObject("familyNames").put("ko", FAMILY[author[0]][0]).put("en", FAMILY[author[0]][1]);
        }
        List<Truth> truth = new ArrayList<>();
        ArrayNode references = article.putArray("references");
        int count = 20 + random.nextInt(21);
        for (int position = 1; position <= count; position++) {
            double kindRoll = random.nextDouble();
            Kind kind = kindRoll < 0.5 ? Kind.DOI : kindRoll < 0.75 ? Kind.STRUCTURED : Kind.UNSTRUCTURED;
            int target = index == 0 || random.nextDouble() < 0.1 ? -1 : random.nextInt(index);
            // A DOI is copied or not; the rest is typed by hand, so a fifth of those (a tenth of all) carry one noise.
            Noise noise = kind != Kind.DOI && random.nextDouble() < NOISY_SHARE_WITHOUT_DOI
                    ? ReferenceNoise.KINDS[random.nextInt(ReferenceNoise.KINDS.length)] : Noise.NONE;
            if (target < 0 && noise != Noise.NONE) {
                noise = Noise.TITLE_TYPO; // a reference to nothing the catalog holds has only a title to get wrong
            }
            references.add(reference(kind, target, noise, random));
            truth.add(new Truth(position, kind, target, noise));
        }
        return new Article(index, doi(index), article, truth);
    }

    private ObjectNode reference(Kind kind, int target, Noise noise, Random random) {
        ObjectNode ref = json.createObjectNode();
        if (target < 0) {
            // Outside the corpus: plausible, but about nothing the catalog holds.
            switch (kind) {
                case DOI -> ref.put("doi", "10.9999/external." + Math.abs(random.nextLong()));
                case STRUCTURED -> ref.put("title", noisyTitle("Unpublished notes on the " + english.draw(random) + " of "
                        + english.draw(random) + " " + random.nextInt(100000), noise, random)).put("year", 1950 + random.nextInt(50));
                case UNSTRUCTURED -> ref.put("raw", FAMILY[random.nextInt(FAMILY.length)][0] + "외, 『" + noisyTitle(korean.draw(random)
                        + "의 " + korean.draw(random) + " 자료집 " + random.nextInt(1000), noise, random) + "』, 서울: 출판사, "
                        + (1950 + random.nextInt(50)) + ".");
            }
            return ref;
        }
        int[] firstAuthor = authors(target).get(0);
        String family = FAMILY[firstAuthor[0]][1];
        String given = GIVEN[firstAuthor[1]][1];
        String journalEn = noise == Noise.ABBREVIATED_JOURNAL
                ? ReferenceNoise.abbreviateJournal(journalTitleEn(journal(target))) : journalTitleEn(journal(target));
        switch (kind) {
            case DOI -> ref.put("doi", random.nextBoolean() ? doi(target) : "https://doi.org/" + doi(target).toUpperCase());
            case STRUCTURED -> {
                ref.putArray("authors").add(family + ", " + (noise == Noise.AUTHOR_INITIALS ? ReferenceNoise.initials(given) : given));
                ref.put("title", noisyTitle(englishTitle(target), noise, random));
                ref.put("container", journalEn);
                if (noise != Noise.NO_YEAR) {
                    ref.put("year", year(target));
                }
                if (noise != Noise.NO_VOLUME) {
                    ref.put("volume", String.valueOf(volume(target)));
                }
                if (noise != Noise.NO_PAGES) {
                    ref.put("firstPage", String.valueOf(firstPage(target)));
                }
            }
            case UNSTRUCTURED -> {
                // Korean journals have no ISO 4 abbreviations and Korean names no initials: those two noises are English.
                boolean koreanStyle = random.nextBoolean() && noise != Noise.ABBREVIATED_JOURNAL && noise != Noise.AUTHOR_INITIALS;
                ref.put("raw", koreanStyle ? kciReference(target, firstAuthor, noise, random)
                        : englishReference(target, family, given, journalEn, noise, random));
            }
        }
        return ref;
    }

    /** KCI style: 김민수, 「제목」, 『학술지』 12, 2001, 45쪽. */
    private String kciReference(int target, int[] author, Noise noise, Random random) {
        return FAMILY[author[0]][0] + GIVEN[author[1]][0] + ", 「" + noisyTitle(koreanTitle(target), noise, random) + "」, 『"
                + journalTitleKo(journal(target)) + "』" + (noise == Noise.NO_VOLUME ? "" : " " + volume(target))
                + (noise == Noise.NO_YEAR ? "" : ", " + year(target))
                + (noise == Noise.NO_PAGES ? "" : ", " + firstPage(target) + "쪽") + ".";
    }

    /** APA style: Kim, M. (2001). Title. Journal, 12, 45-65. With author initials only: Vancouver style, Kim MS. */
    private String englishReference(int target, String family, String given, String journal, Noise noise, Random random) {
        String author = noise == Noise.AUTHOR_INITIALS ? family + " " + ReferenceNoise.bareInitials(given) + "."
                : family + ", " + given.charAt(0) + ".";
        return author + " (" + (noise == Noise.NO_YEAR ? "n.d." : String.valueOf(year(target))) + "). "
                + noisyTitle(englishTitle(target), noise, random) + ". " + journal
                + (noise == Noise.NO_VOLUME ? "" : ", " + volume(target))
                + (noise == Noise.NO_PAGES ? "" : ", " + firstPage(target) + "-" + (firstPage(target) + 20)) + ".";
    }

    private static String noisyTitle(String title, Noise noise, Random random) {
        return noise == Noise.TITLE_TYPO ? ReferenceNoise.typo(title, random) : title;
    }

    /** Four to eight words of the Zipf vocabulary, a connective now and then, and a decade, as history titles go. */
    public String englishTitle(int index) {
        Random random = new Random(seed * 31 + index * 7919L);
        int words = 4 + random.nextInt(5);
        int connectiveAfter = random.nextInt(3) == 0 ? -1 : 1 + random.nextInt(words - 2);
        String connective = random.nextBoolean() ? "of the" : "and";
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = english.draw(random);
            title.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i < words - 1 ? " " : "");
            if (i == connectiveAfter) {
                title.append(connective).append(' ');
            }
        }
        return title + " in " + (1900 + random.nextInt(120));
    }

    public String koreanTitle(int index) {
        Random random = new Random(seed * 37 + index * 104729L);
        int words = 3 + random.nextInt(4);
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < words; i++) {
            title.append(korean.draw(random)).append(i < words - 1 ? (i == 1 ? "과 " : " ") : "");
        }
        return (1900 + random.nextInt(120)) + "년대 " + title + " 연구";
    }

    private int firstPage(int index) {
        Random random = random(index);
        return 1 + random.nextInt(300);
    }

    private int volume(int index) {
        return year(index) - 1990;
    }

    private List<int[]> authors(int index) {
        Random random = new Random(seed * 41 + index * 15485863L);
        List<int[]> authors = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            authors.add(new int[] {random.nextInt(FAMILY.length), random.nextInt(GIVEN.length)});
        }
        return authors;
    }

    /** Four name patterns, so that abbreviating a journal name is not one fixed rewrite. */
    public String journalTitleEn(int journal) {
        String field = Character.toUpperCase(EN[journal % EN.length].charAt(0)) + EN[journal % EN.length].substring(1);
        String name = switch (journal % 4) {
            case 0 -> "Journal of " + field + " Studies";
            case 1 -> "Korean Journal of " + field + " History";
            case 2 -> field + " Review";
            default -> "International Journal of " + field + " Research";
        };
        return name + (journal >= EN.length ? " " + (journal / EN.length + 1) : "");
    }

    public String journalTitleKo(int journal) {
        return KO[journal % KO.length] + "연구" + (journal >= KO.length ? " " + (journal / KO.length + 1) : "");
    }

    /** A valid ISSN (ISO 3297 check digit) per journal. */
    public static String issn(int journal) {
        int base = 2000000 + journal;
        String digits = String.format("%07d", base);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        return digits.substring(0, 4) + "-" + digits.substring(4) + (check == 10 ? "X" : String.valueOf(check));
    }

    private Random random(int index) {
        return new Random(seed * 1_000_003L + index);
    }
}
