package org.masthead.http;

/**
 * A ready-to-send page: identity and gzip bodies, their strong ETags, the caching it is sent with,
 * and the surrogate keys (space-separated) a CDN can purge it by.
 */
public record CachedResponse(byte[] body, byte[] gzipBody, String etag, String gzipEtag, String contentType, String cacheControl,
                             String surrogateKeys) {}
