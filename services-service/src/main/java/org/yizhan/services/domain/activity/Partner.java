package org.yizhan.services.domain.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A partner department; its systems authenticate with tokens whose {@code org} claim is {@link #code}. */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
