package cn.onepoint.ticket;

import io.smallrye.mutiny.Uni;

/** What another part of the fault flow does when a ticket closes, in the close's transaction. */
interface TicketCloseListener {

    Uni<Void> closed(Ticket t);
}
