package com.practicecal.shared.account;

/** A user's relation to the account it belongs to. Staff roles arrive with the staff feature. */
public enum Role {
    OWNER
}
