package com.practicecal.shared.auth;

/**
 * A view that has a reduced form for grantees. {@link AccessPolicy#project} decides who gets which form; the view
 * only defines what the reduced form holds, so the policy needs no knowledge of the view types.
 */
public interface GranteeProjection<V> {
    /** What a grantee (working in a colleague's calendar) may see of this view. */
    V forGrantee();
}
