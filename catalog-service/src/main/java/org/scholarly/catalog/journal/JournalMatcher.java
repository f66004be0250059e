package org.scholarly.catalog.journal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.scholarly.catalog.common.Sql;
import org.scholarly.catalog.common.TextKeys;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Finds the journal and issue an ingested record names, or creates them: by ISSN first, then by title in any
 * language (normalised). Advisory locks on the match keys keep two concurrent ingestions from creating one
 * journal twice. A batch passes the same cache to every record, so a journal is looked up once per batch.
 */
@ApplicationScoped
public class JournalMatcher {

    @Inject
    EntityManager em;
    @Inject
    Sql sql;

    @Transactional(Transactional.TxType.MANDATORY)
    public Journal resolve(JournalInput input, String actor, Map<String, Journal> cache) {
        List<String> keys = matchKeys(input);
        for (String key : keys) {
            Journal cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        sql.lockKeys(keys);
        Journal journal = findByIssn(input);
        if (journal == null) {
            journal = findByTitle(input);
        }
        if (journal == null) {
            journal = create(input, actor);
        }
        for (String key : keys) {
            cache.put(key, journal);
        }
        return journal;
    }

    public Journal create(JournalInput input, String actor) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Journal journal = new Journal();
        journal.id = UUID.randomUUID();
        journal.titles = input.titles();
        journal.titleKeys = titleKeys(input.titles());
        journal.publisher = input.publisher();
        journal.researchArea = input.researchArea();
        journal.accreditation = input.accreditation() == null ? Accreditation.NONE : input.accreditation();
        journal.issnPrint = input.issnPrint();
        journal.issnElectronic = input.issnElectronic();
        journal.externalIds = input.externalIds() == null ? List.of() : input.externalIds();
        journal.createdAt = now;
        journal.updatedAt = now;
        journal.createdBy = actor;
        em.persist(journal);
        AccreditationChange first = new AccreditationChange();
        first.journalId = journal.id;
        first.status = journal.accreditation;
        first.effectiveFrom = LocalDate.now(ZoneOffset.UTC);
        first.recordedAt = now;
        first.recordedBy = actor;
        first.comment = "status when the journal entered the catalog";
        em.persist(first);
        return journal;
    }

    /** Finds or creates the issue; {@code cache} is per batch like the journal cache. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issue resolveIssue(Journal journal, IssueInput input, Map<String, Issue> cache) {
        if (input == null) {
            return null;
        }
        String volume = Objects.requireNonNullElse(input.volume(), "");
        String number = Objects.requireNonNullElse(input.number(), "");
        String key = "issue:" + journal.id + "|" + input.year() + "|" + volume + "|" + number;
        Issue issue = cache.get(key);
        if (issue != null) {
            return issue;
        }
        sql.lockKeys(List.of(key));
        issue = em.createQuery("from Issue where journalId = :journal and year = :year and volume = :volume and number = :number", Issue.class)
                .setParameter("journal", journal.id).setParameter("year", input.year())
                .setParameter("volume", volume).setParameter("number", number)
                .getResultStream().findFirst().orElse(null);
        if (issue == null) {
            issue = new Issue();
            issue.id = UUID.randomUUID();
            issue.journalId = journal.id;
            issue.year = input.year();
            issue.volume = volume;
            issue.number = number;
            issue.publicationDate = input.publicationDate();
            em.persist(issue);
        } else if (issue.publicationDate == null && input.publicationDate() != null) {
            issue.publicationDate = input.publicationDate();
        }
        cache.put(key, issue);
        return issue;
    }

    static String[] titleKeys(Map<String, String> titles) {
        TreeSet<String> keys = new TreeSet<>();
        titles.values().stream().map(TextKeys::matchKey).filter(k -> !k.isEmpty()).forEach(keys::add);
        return keys.toArray(String[]::new);
    }

    private static List<String> matchKeys(JournalInput input) {
        List<String> keys = new ArrayList<>();
        if (input.issnPrint() != null) {
            keys.add("issn:" + input.issnPrint());
        }
        if (input.issnElectronic() != null) {
            keys.add("issn:" + input.issnElectronic());
        }
        for (String title : titleKeys(input.titles())) {
            keys.add("journal-title:" + title);
        }
        return keys;
    }

    private Journal findByIssn(JournalInput input) {
        List<String> issns = new ArrayList<>();
        if (input.issnPrint() != null) {
            issns.add(input.issnPrint());
        }
        if (input.issnElectronic() != null) {
            issns.add(input.issnElectronic());
        }
        if (issns.isEmpty()) {
            return null;
        }
        return em.createQuery("from Journal where issnPrint in :issns or issnElectronic in :issns order by createdAt", Journal.class)
                .setParameter("issns", issns).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    private Journal findByTitle(JournalInput input) {
        String[] keys = titleKeys(input.titles());
        if (keys.length == 0) {
            return null;
        }
        UUID id = sql.run(c -> {
            try (var statement = c.prepareStatement("SELECT id FROM journal WHERE title_keys && ? ORDER BY created_at LIMIT 1")) {
                statement.setArray(1, c.createArrayOf("text", keys));
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getObject(1, UUID.class) : null;
                }
            }
        });
        if (id == null) {
            return null;
        }
        Journal journal = em.find(Journal.class, id);
        boolean hasIssn = input.issnPrint() != null || input.issnElectronic() != null;
        if (hasIssn && (journal.issnPrint != null || journal.issnElectronic != null)) {
            // Same title, different ISSNs: two journals that happen to share a name.
            return null;
        }
        if (hasIssn) {
            // A journal first known by title alone learns its ISSNs from the first record that carries them.
            journal.issnPrint = input.issnPrint();
            journal.issnElectronic = input.issnElectronic();
            journal.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return journal;
    }
}
