package org.onecampus.kernel.web;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Client addresses reach the platform with IPv6 in its short form (RFC 5952) and IPv4 untouched. */
class CanonicalClientAddressFilterTests {

	@ParameterizedTest(name = "{0} is seen as {1}")
	@CsvSource(textBlock = """
			0:0:0:0:0:0:0:1, ::1
			2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1
			2001:db8:0:0:0:0:2:1, 2001:db8::2:1
			fe80:0:0:0:0:0:0:1%eth0, fe80::1%eth0
			""")
	void anIpv6AddressIsSeenInItsShortForm(String remote, String seen) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(remote);
		assertThat(seenBy(request).getRemoteAddr()).isEqualTo(seen);
	}

	@Test
	void anIpv4RequestIsPassedOnAsItIs() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("10.12.34.56");
		assertThat(seenBy(request)).isSameAs(request);
		assertThat(CanonicalClientAddressFilter.canonical(null)).isNull();
		assertThat(CanonicalClientAddressFilter.canonical("::1")).isEqualTo("::1");
	}

	/** @return the request the rest of the chain sees */
	private static HttpServletRequest seenBy(MockHttpServletRequest request) throws Exception {
		AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
		new CanonicalClientAddressFilter().doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen.set((HttpServletRequest) req));
		return seen.get();
	}
}
