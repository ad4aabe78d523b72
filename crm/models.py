# Customer profiles, events, segments and campaigns arrive with the CRM issues.
