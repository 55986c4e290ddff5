/**
 * System A, Sheltered Workshop Peduli: workshop sites (units of type SITE under a rehabilitation centre) with their
 * MoU, phases, community group and mentors; products, production, sessions recorded offline on a mentor's phone,
 * earnings rules and monthly payouts in whole rupiah ({@link id.peduli.workshop.Money}).
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "platform",
            "region",
            "organization",
            "access",
            "audit",
            "registry",
            "indicator",
            "casework"
        })
package id.peduli.workshop;

import org.springframework.modulith.ApplicationModule;
