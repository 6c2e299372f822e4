package org.yizhan.services.domain.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One entry of the activity taxonomy; built-in entries ship with the service, admins add more. */
@Entity
@Table(name = "activity_type")
public class ActivityType {

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(nullable = false)
    public boolean builtin;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
