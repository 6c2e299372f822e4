package org.yizhan.legalaid.service;

/** What a create operation with an Idempotency-Key gives: the record, and whether this request created it. */
public record Creation<T>(T record, boolean created) {
}
