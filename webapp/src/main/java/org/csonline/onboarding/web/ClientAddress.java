package org.csonline.onboarding.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from, for rate limits and the audit log. Behind a proxy set
 * {@code server.forward-headers-strategy=native} so that this is the client's, not the proxy's.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
