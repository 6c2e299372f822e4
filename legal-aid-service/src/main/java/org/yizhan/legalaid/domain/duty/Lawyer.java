package org.yizhan.legalaid.domain.duty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A lawyer who gives legal aid for the union, known by the subject of their token; the name is encrypted. */
@Entity
@Table(name = "lawyer")
public class Lawyer {

    @Id
    public UUID id;

    /** The token subject the lawyer signs in with. */
    public String subject;

    @Column(name = "name_enc")
    public String nameEncrypted;

    /** 律师执业证号, 17 digits. */
    @Column(name = "licence_number")
    public String licenceNumber;

    public String firm;

    @Column(name = "created_at")
    public Instant createdAt;
}
