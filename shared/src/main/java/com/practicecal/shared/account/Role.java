package com.practicecal.shared.account;

/**
 * A caller's relation to the account it acts on: its owner, or a user of another account working in it under a
 * grant. Staff roles arrive with the staff feature.
 */
public enum Role {
    OWNER, GRANTEE
}
