/**
 * The demonstration data set of the story (the ministry, the Temanggung and Jambi technical units with their sites,
 * the competition organiser and participating agencies, one account per role), loaded on the first start in demo
 * mode only. It owns nothing but the record that the load completed.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "organization", "access"})
package id.peduli.demo;

import org.springframework.modulith.ApplicationModule;
