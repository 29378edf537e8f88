/** Wire ingest: agency copy (IPTC ninjs 1–3, NewsML-G2) into a newsroom queue, and stories out as ninjs 3. */
@org.jspecify.annotations.NullMarked
package org.masthead.wire;
