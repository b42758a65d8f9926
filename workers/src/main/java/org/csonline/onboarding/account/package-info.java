/**
 * Council accounts: created pending, activated (guide step 15), signed in with password and phone code, locked out,
 * reset, and a lost phone removed and replaced.
 */
package org.csonline.onboarding.account;
