-- The family's answer to "is your fridge at 4 °C or colder?": 1 yes, 0 warmer or not
-- sure, NULL not asked yet (counts as not sure). NHS gives 8 days only for a cold fridge.
ALTER TABLE families ADD COLUMN cold_fridge INTEGER;
