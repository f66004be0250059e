package org.scholarly.catalog.journal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Entity
@Table(name = "journal")
public class Journal extends PanacheEntityBase {

    @Id
    public UUID id;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> titles;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "title_keys")
    public String[] titleKeys;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> publisher;
    @Column(name = "research_area")
    public String researchArea;
    @Enumerated(EnumType.STRING)
    public Accreditation accreditation;
    @Column(name = "issn_print")
    public String issnPrint;
    @Column(name = "issn_electronic")
    public String issnElectronic;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "external_ids")
    public List<String> externalIds;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "created_by")
    public String createdBy;
}
