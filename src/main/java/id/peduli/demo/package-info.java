/**
 * Demonstration data: runs every module's {@code platform.DemoSeed} once in demo mode (recording each in
 * {@code demo.seed_state}) and holds the story's own seed (the ministry, the Temanggung and Jambi technical units with
 * their sites, the competition organiser and participating agencies, one account per role). It owns nothing but the
 * record of which seeds completed.
 */
@ApplicationModule(allowedDependencies = {"shared", "platform", "organization", "access"})
package id.peduli.demo;

import org.springframework.modulith.ApplicationModule;
