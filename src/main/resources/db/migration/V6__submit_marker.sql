-- A submit in flight: set and committed before the provider is asked, cleared when its answer is stored. A studio
-- killed in between finds it on restart and knows the provider may have accepted (and billed) the job, so it does
-- not submit it a second time.
alter table generations add column submit_started_at timestamp with time zone;
