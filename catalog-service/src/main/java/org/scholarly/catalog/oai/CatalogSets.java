package org.scholarly.catalog.oai;

import io.gdcc.xoai.dataprovider.model.Set;
import io.gdcc.xoai.dataprovider.repository.SetRepository;
import org.scholarly.catalog.journal.Journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Sets per research area (each level of it) and per journal; see {@link SetSpecs}. */
final class CatalogSets implements SetRepository {

    private final HarvestStore store;

    CatalogSets(HarvestStore store) {
        this.store = store;
    }

    @Override
    public boolean supportSets() {
        return true;
    }

    /** Areas first, by spec, then journals by id: a fixed order, as ListSets pages through it by offset. */
    @Override
    public List<Set> getSets() {
        Map<String, String> areas = new LinkedHashMap<>();
        for (String area : store.researchAreas()) {
            List<String> specs = SetSpecs.areaHierarchy(area);
            List<String> levels = SetSpecs.areaLevels(area);
            for (int i = 0; i < specs.size(); i++) {
                areas.putIfAbsent(specs.get(i), String.join(" > ", levels.subList(0, i + 1)));
            }
        }
        List<Set> sets = new ArrayList<>();
        areas.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(area -> sets.add(new Set(area.getKey()).withName(area.getValue())));
        for (Journal journal : store.journals()) {
            sets.add(new Set(SetSpecs.journal(journal.id)).withName(name(journal)));
        }
        return sets;
    }

    @Override
    public boolean exists(String setSpec) {
        return scope(setSpec) != null;
    }

    /** The articles a set names, or null when there is no such set. */
    HarvestStore.Scope scope(String setSpec) {
        if (setSpec.startsWith(SetSpecs.JOURNAL)) {
            try {
                UUID id = UUID.fromString(setSpec.substring(SetSpecs.JOURNAL.length()));
                return id.toString().equals(setSpec.substring(SetSpecs.JOURNAL.length())) && store.journalExists(id)
                        ? new HarvestStore.Scope(id, null) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (setSpec.startsWith(SetSpecs.AREA)) {
            List<String> areas = store.researchAreasIn(setSpec);
            return areas.isEmpty() ? null : new HarvestStore.Scope(null, areas);
        }
        return null;
    }

    private static String name(Journal journal) {
        return MetadataXml.byLanguage(journal.titles, "ko").stream().map(Map.Entry::getValue).distinct()
                .collect(Collectors.joining(" / "));
    }
}
