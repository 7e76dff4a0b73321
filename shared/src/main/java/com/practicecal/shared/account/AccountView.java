package com.practicecal.shared.account;

import java.util.List;

/**
 * GET /v1/me and the sign-up response, shaped per principal: staff get {@code scopes}, the scopes they can use now
 * (none once the plan no longer allows staff), so an app offers only what the API would allow; an owner, who holds
 * every scope, gets none listed.
 */
public record AccountView(String userId, String accountId, String practiceName, String plan, String role,
                          String timeZone, Limits limits, List<String> scopes) {
    public record Limits(Integer monthlyAppointments, int rooms, boolean delegation, boolean staff) {
    }

    public static AccountView of(Membership membership, Account account) {
        var plan = account.plan();
        var cap = plan.monthlyAppointmentCap();
        return new AccountView(membership.userId(), account.id(), account.name(), plan.name(), membership.role().name(),
                account.timeZone().getId(), new Limits(cap.isPresent() ? cap.getAsInt() : null, plan.maxRooms(),
                plan.allowsDelegation(), plan.allowsStaff()), scopesOf(membership, account));
    }

    private static List<String> scopesOf(Membership membership, Account account) {
        if (membership.role() != Role.STAFF) {
            return null;
        }
        return account.plan().allowsStaff() ? membership.scopes().stream().sorted().toList() : List.of();
    }
}
