-- /dev/outbox?to= reads one recipient's messages; without an index every read scans the whole outbox.
create index local_outbox_recipient on local_outbox (recipient);
