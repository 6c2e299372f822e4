package org.yizhan.legalaid.domain.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/**
 * One worker of an application (a group of one or more): a pseudonym and the amount they claim, in
 * fen. {@code position} names the worker within the case (1 = the applicant); the application's
 * claimed amount is the sum of these rows.
 */
@Entity
@Table(name = "application_worker")
@IdClass(ApplicationWorker.Key.class)
public class ApplicationWorker {

    /** The most workers one application (a group case) has. */
    public static final int MAX_WORKERS = 200;

    /** The primary key: the application and the worker's position in it. */
    public record Key(UUID applicationId, int position) implements Serializable {
    }

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Id
    public int position;

    /** The worker's pseudonym. */
    public String person;

    @Column(name = "claimed_fen")
    public long claimedFen;
}
