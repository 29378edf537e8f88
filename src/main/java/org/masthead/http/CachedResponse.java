package org.masthead.http;

/** A ready-to-send page: identity and gzip bodies, their strong ETags and the caching it is sent with. */
public record CachedResponse(byte[] body, byte[] gzipBody, String etag, String gzipEtag, String contentType, String cacheControl) {}
