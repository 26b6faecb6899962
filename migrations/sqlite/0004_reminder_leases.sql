-- The few pending reminders that carry a lease (being sent, or waiting to retry), so
-- the scheduler finds the next wake-up without reading every pending reminder.
CREATE INDEX reminders_leased ON reminders(lease_until)
    WHERE status = 'pending' AND lease_until IS NOT NULL;
