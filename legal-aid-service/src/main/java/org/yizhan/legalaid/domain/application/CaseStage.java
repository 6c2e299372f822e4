package org.yizhan.legalaid.domain.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A stage a case went through, started and ended on (Beijing) days, with its outcome. Stages go
 * forward in the order of {@link Stage}: one may be skipped, none recorded twice or after a later one.
 */
@Entity
@Table(name = "case_stage")
@IdClass(CaseStage.Key.class)
public class CaseStage {

    /** The stages of a labour dispute, in the order a case passes them. */
    public enum Stage {
        /** 调解: by a mediation committee or the union. */
        MEDIATION,
        /** 劳动人事争议仲裁. */
        ARBITRATION,
        /** 一审. */
        FIRST_INSTANCE,
        /** 二审. */
        APPEAL,
        /** 强制执行. */
        ENFORCEMENT
    }

    /** How a stage ended; each outcome belongs to the stages where it can happen. */
    public enum Outcome {
        /** A mediation agreement (调解协议 or 调解书), in any stage but enforcement. */
        AGREEMENT(Stage.MEDIATION, Stage.ARBITRATION, Stage.FIRST_INSTANCE, Stage.APPEAL),
        /** Mediation failed. */
        NO_AGREEMENT(Stage.MEDIATION),
        /** An arbitral award (裁决). */
        AWARD(Stage.ARBITRATION),
        /** A judgment (判决). */
        JUDGMENT(Stage.FIRST_INSTANCE, Stage.APPEAL),
        /** The claim was dismissed or not accepted (驳回, 不予受理). */
        DISMISSED(Stage.ARBITRATION, Stage.FIRST_INSTANCE, Stage.APPEAL),
        /** The worker withdrew (撤回申请 / 撤诉). */
        WITHDRAWN(Stage.MEDIATION, Stage.ARBITRATION, Stage.FIRST_INSTANCE, Stage.APPEAL, Stage.ENFORCEMENT),
        /** Enforced in full (执行完毕). */
        ENFORCED(Stage.ENFORCEMENT),
        /** Enforcement ended without full payment (终结本次执行程序). */
        ENFORCEMENT_ENDED(Stage.ENFORCEMENT);

        private final Set<Stage> stages;

        Outcome(Stage first, Stage... rest) {
            this.stages = EnumSet.of(first, rest);
        }

        public boolean endsA(Stage stage) {
            return stages.contains(stage);
        }
    }

    /** The primary key: the case and the stage. */
    public record Key(UUID applicationId, Stage stage) implements Serializable {
    }

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Id
    @Enumerated(EnumType.STRING)
    public Stage stage;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
