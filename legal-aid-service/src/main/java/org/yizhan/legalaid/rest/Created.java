package org.yizhan.legalaid.rest;

import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** The answer of a create operation that takes an Idempotency-Key: 201 the first time, 200 for a retry. */
public final class Created {

    private Created() {
    }

    public static <V> RestResponse<V> answer(boolean created, URI location, V view) {
        var response = created ? RestResponse.ResponseBuilder.<V>created(location)
                : RestResponse.ResponseBuilder.<V>ok().location(location);
        return response.entity(view).build();
    }
}
