package org.scholarly.catalog.journal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** An issue of a journal; volume and number are '' when the journal does not use them. */
@Entity
@Table(name = "issue")
public class Issue extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "journal_id")
    public UUID journalId;
    public int year;
    public String volume;
    public String number;
    @Column(name = "publication_date")
    public LocalDate publicationDate;

    public String volumeOrNull() {
        return volume == null || volume.isEmpty() ? null : volume;
    }

    public String numberOrNull() {
        return number == null || number.isEmpty() ? null : number;
    }
}
