package com.practicecal.shared.room;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TxTag;

/**
 * What a room change needs from the calendar community, added to the room change's own transaction; implemented by
 * the community (which knows its members), so rooms do not depend on it.
 */
public interface RoomSharing {
    /** The tag of the community's item in the items {@link #share} adds (its condition fails on a concurrent change). */
    TxTag COMMUNITY_TAG = TxTag.of("community");

    /** The items that share (or stop sharing) a room: the community's room list and every other member's index. */
    void share(Transaction tx, Membership me, Room room, boolean shared, Events events);

    /** Keeps the shared room's name in the community in step with a rename. */
    void renameShared(Transaction tx, Room room, String name);
}
