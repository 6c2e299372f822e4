package org.yizhan.legalaid.service.duty;

/** What a union admin gives to register a lawyer. */
public record NewLawyer(String name, String licenceNumber, String firm, String subject) {
}
