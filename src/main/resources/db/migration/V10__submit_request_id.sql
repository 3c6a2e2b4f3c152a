-- The id the studio chose for a submit, where the provider takes one (Runware's taskUUID, ComfyUI's prompt_id). It is
-- committed with the submit marker before the provider is asked, so a submit left in doubt by a stop or a missing
-- answer can be looked up at the provider by this id instead of being given up.
alter table generations add column submit_request_id varchar(200);
