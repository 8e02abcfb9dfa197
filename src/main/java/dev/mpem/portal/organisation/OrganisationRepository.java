package dev.mpem.portal.organisation;

import java.util.Collection;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    Optional<Organisation> findByNameKey(String nameKey);

    Page<Organisation> findByNameKeyContaining(String nameKeyPart, Pageable pageable);

    Page<Organisation> findByIdInAndNameKeyContaining(Collection<Long> ids, String nameKeyPart, Pageable pageable);
}
