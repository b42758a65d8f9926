package org.csonline.onboarding.phone;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.io.SocketConfig;

/**
 * Twilio's SDK has no base-URL setting: this client sends each request to another scheme, host and port, keeping
 * path, parameters, headers and authentication. Used when {@code cso.twilio.api-base-url} is set.
 */
class HostRewritingHttpClient extends NetworkHttpClient {

    private final URI base;

    HostRewritingHttpClient(URI base, RequestConfig requestConfig, SocketConfig socketConfig) {
        super(requestConfig, socketConfig);
        this.base = base;
    }

    @Override
    public Response makeRequest(Request request) {
        URI original = URI.create(request.getUrl());
        String url = base.getScheme() + "://" + base.getAuthority() + original.getRawPath();
        Request rewritten = new Request(request.getMethod(), url);
        if (request.getAuthStrategy() != null) {
            rewritten.setAuth(request.getAuthStrategy());
        } else if (request.getUsername() != null) {
            rewritten.setAuth(request.getUsername(), request.getPassword());
        }
        request.getQueryParams().forEach((name, values) -> values.forEach(v -> rewritten.addQueryParam(name, v)));
        request.getPostParams().forEach((name, values) -> values.forEach(v -> rewritten.addPostParam(name, v)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(v -> rewritten.addHeaderParam(name, v)));
        rewritten.setUserAgentExtensions(request.getUserAgentExtensions());
        if (request.getContentType() != null) {
            rewritten.setContentType(request.getContentType());
        }
        if (request.getBody() != null) {
            rewritten.setBody(request.getBody());
        }
        return super.makeRequest(rewritten);
    }
}
