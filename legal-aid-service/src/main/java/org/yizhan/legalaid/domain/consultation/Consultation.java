package org.yizhan.legalaid.domain.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A worker's legal question and its answer; the worker is a pseudonym, question and answer are encrypted. */
@Entity
@Table(name = "consultation")
public class Consultation {

    @Id
    public UUID id;

    /** The asker's pseudonym (kit Pseudonyms of the worker's token subject). */
    public String person;

    /** The subject of the union staff member who recorded it on the worker's behalf; absent when the worker asked. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Enumerated(EnumType.STRING)
    public ConsultationChannel channel;

    @Column(name = "station_id")
    public UUID stationId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Enumerated(EnumType.STRING)
    public ConsultationCategory category;

    @Column(name = "question_enc")
    public String questionEncrypted;

    @Enumerated(EnumType.STRING)
    public ConsultationStatus status;

    @Column(name = "answer_enc")
    public String answerEncrypted;

    /** The subject of the lawyer or union staff member who answered. */
    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_role")
    public String answeredRole;

    @Column(name = "asked_at")
    public Instant askedAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Version
    public int version;
}
