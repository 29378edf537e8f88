/**
 * Fronts programmed by editors: the home page and each section front have a lead slot and top
 * slots, each holding a story pinned until an optional time; the rest fill by recency, and a story
 * without a photo never takes the lead (photo) slot by itself. Start at {@link org.masthead.front.Fronts}.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.front;
