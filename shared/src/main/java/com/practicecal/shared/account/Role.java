package com.practicecal.shared.account;

/**
 * A caller's relation to the account it acts on: its owner, a staff member of the practice (scoped, plan XL),
 * or a user of another account working in it under a grant.
 */
public enum Role {
    OWNER, STAFF, GRANTEE
}
