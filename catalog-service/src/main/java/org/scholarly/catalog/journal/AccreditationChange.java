package org.scholarly.catalog.journal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One dated entry of a journal's accreditation history; never updated, only appended. */
@Entity
@Table(name = "accreditation_change")
public class AccreditationChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "accreditation_change_seq")
    @SequenceGenerator(name = "accreditation_change_seq", sequenceName = "accreditation_change_seq", allocationSize = 50)
    public Long id;
    @Column(name = "journal_id")
    public UUID journalId;
    @Enumerated(EnumType.STRING)
    public Accreditation status;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    public String comment;
}
