package org.scholarly.support.ratelimit;

import java.lang.reflect.Method;

/** Which requests the rate limits treat as reads: GET, HEAD, and endpoints marked {@link ReadOnly}. */
final class Reads {

    private Reads() {
    }

    static boolean isRead(String httpMethod, Method resourceMethod) {
        return "GET".equals(httpMethod) || "HEAD".equals(httpMethod)
                || resourceMethod != null && resourceMethod.isAnnotationPresent(ReadOnly.class);
    }
}
