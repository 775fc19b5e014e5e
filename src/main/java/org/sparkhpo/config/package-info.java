/**
 * Settings: {@code SettingsLoader}, the only code that reads configuration keys, turns reference.conf, the
 * user's file and {@code --set} overrides into validated settings records at start-up.
 */
package org.sparkhpo.config;
