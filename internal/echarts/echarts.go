// Package echarts holds the chart library the site serves, so that one `chiso` binary
// builds a complete site with no npm at build time.
//
// echarts.common.min.js is the file of the npm package echarts@6.1.0 pinned in
// package-lock.json, copied byte for byte (the test compares it with node_modules when
// present, and checks its SHA-256 always). It is Apache-2.0 (LICENSE, NOTICE) and bundles
// zrender (LICENSE-zrender) and parts of d3 (LICENSE-d3), both BSD-3-Clause; Licence is
// served beside it on the site.
//
// To upgrade: change the version in package.json, run npm install, copy
// node_modules/echarts/dist/echarts.common.min.js and the licence files here, and update
// Version and SHA256.
package echarts

import (
	_ "embed"
)

// Version is the npm version the embedded file comes from.
const Version = "6.1.0"

// SHA256 is the hex SHA-256 of the embedded file.
const SHA256 = "61f13280aba3161f77fc801bf5f9c786f55f10432153a0683fc5cc0700b013d5"

// Library is dist/echarts.common.min.js of the pinned package.
//
//go:embed echarts.common.min.js
var Library []byte

var (
	//go:embed NOTICE
	notice string
	//go:embed LICENSE
	licence string
	//go:embed LICENSE-zrender
	zrender string
	//go:embed LICENSE-d3
	d3 string
)

// Licence is the text served as assets/vendor/ECHARTS-LICENSE.txt: what Apache-2.0
// asks to travel with the file (the NOTICE and the licence) and the licences of what it
// bundles.
var Licence = "Apache ECharts " + Version + " (echarts.common.min.js), served from this site.\n\n" +
	notice + "\n\n" + licence + "\n\n---- zrender (bundled) ----\n\n" + zrender + "\n\n---- d3 (parts bundled) ----\n\n" + d3
