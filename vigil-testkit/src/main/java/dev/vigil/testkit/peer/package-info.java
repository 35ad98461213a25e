/** Real peer processes (promtool, prometheus) started on loopback, and the policy when one is missing. */
package dev.vigil.testkit.peer;
