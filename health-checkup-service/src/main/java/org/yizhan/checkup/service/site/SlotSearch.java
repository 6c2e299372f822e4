package org.yizhan.checkup.service.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yizhan.checkup.repository.FreeSlotQuery;
import org.yizhan.kit.paging.Keyset;
import org.yizhan.kit.paging.KeysetCursor;
import org.yizhan.kit.paging.Page;
import org.yizhan.kit.time.AppClock;

/** Finding slots a worker can book now. */
@ApplicationScoped
public class SlotSearch {

    private static final String CURSOR = "free-slots";

    private final FreeSlotQuery query;
    private final AppClock clock;

    public SlotSearch(FreeSlotQuery query, AppClock clock) {
        this.query = query;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FreeSlotQuery.FreeSlot> free(FreeSlotQuery.Filter filter, String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(CURSOR, cursor, 2);
        return Keyset.page(query.find(filter, clock.now(), after, Keyset.fetchSize(limit)), limit,
                s -> KeysetCursor.of(CURSOR, s.startsAt(), s.slotId()));
    }
}
